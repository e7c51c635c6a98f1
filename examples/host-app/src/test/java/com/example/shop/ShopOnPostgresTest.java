package com.example.shop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shop on PostgreSQL (a fresh schema). */
class ShopOnPostgresTest extends ShopContract {

    static RunningShop shop;

    @BeforeAll
    static void start() {
        shop = RunningShop.start(RunningShop.Store.POSTGRESQL, ShopOnPostgresTest.class);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Override
    RunningShop shop() {
        return shop;
    }

    @Override
    String store() {
        return "postgresql";
    }
}
