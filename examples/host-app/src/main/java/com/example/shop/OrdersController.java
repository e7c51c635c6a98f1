package com.example.shop;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/orders}: the shop's own endpoint under /api, guarded by the shop's own security ({@link ShopSecurity}). */
@RestController
class OrdersController {

    private final Orders orders;

    OrdersController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/api/orders")
    List<Orders.Order> list(@RequestParam(required = false) String customer) {
        return orders.of(customer);
    }
}
