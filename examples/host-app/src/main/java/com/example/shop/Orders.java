package com.example.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The shop's orders: a fixed list, enough for the example's API and reports. */
@Component
public class Orders {

    /** One order. */
    public record Order(long id, String customer, LocalDate placed, BigDecimal total) {
    }

    private final List<Order> all = List.of(
            new Order(1001, "acme", LocalDate.of(2026, 6, 3), new BigDecimal("120.00")),
            new Order(1002, "globex", LocalDate.of(2026, 7, 14), new BigDecimal("89.50")),
            new Order(1003, "acme", LocalDate.of(2026, 9, 1), new BigDecimal("42.10")),
            new Order(1004, "initech", LocalDate.of(2026, 10, 22), new BigDecimal("310.00")),
            new Order(1005, "acme", LocalDate.of(2026, 11, 2), new BigDecimal("18.75")));

    public List<Order> all() {
        return all;
    }

    public List<Order> of(String customer) {
        return all.stream().filter(o -> customer == null || customer.isBlank() || o.customer().equals(customer)).toList();
    }
}
