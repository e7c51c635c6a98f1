package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop back office that embeds Longrun: its own orders API ({@code /api/orders}) behind its own sign-in,
 * two job types of its own ({@link ReportJobs}), and a page ({@code /orders.html}) with {@code <longrun-job>} and
 * {@code <longrun-jobs>}. Longrun's API lives next to it under {@code /api/jobs…}; neither touches the other's security.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
