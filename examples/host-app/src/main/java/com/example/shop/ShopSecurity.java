package com.example.shop;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The shop's own security for everything Longrun does not claim: a sign-in form for people, HTTP Basic for scripts.
 * Longrun's filter chain covers only Longrun's endpoints, so this chain also guards the shop's {@code /api/orders}.
 */
@Configuration(proxyBeanMethods = false)
class ShopSecurity {

    @Bean
    SecurityFilterChain shopChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/longrun/**", "/favicon.ico", "/error").permitAll().anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    /** The shop's clerks (a real shop would keep them in its database). */
    @Bean
    UserDetailsService clerks(@Value("${shop.clerk.password-hash}") String hash) {
        return new InMemoryUserDetailsManager(User.withUsername("clerk").password(hash).roles("CLERK").build());
    }
}
