package com.example.shop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shop on the embedded SQLite store. */
class ShopOnSqliteTest extends ShopContract {

    static RunningShop shop;

    @BeforeAll
    static void start() {
        shop = RunningShop.start(RunningShop.Store.SQLITE, ShopOnSqliteTest.class);
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
        return "sqlite";
    }
}
