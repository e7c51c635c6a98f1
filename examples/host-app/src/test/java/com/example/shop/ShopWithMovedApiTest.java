package com.example.shop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shop with Longrun's API moved to {@code /shop-jobs} ({@code longrun.http.base-path}): the page learns the path
 * with its token, and the elements' requests and event stream follow it.
 */
class ShopWithMovedApiTest extends ShopContract {

    static RunningShop shop;

    @BeforeAll
    static void start() {
        shop = RunningShop.start(RunningShop.Store.SQLITE, ShopWithMovedApiTest.class, "--longrun.http.base-path=/shop-jobs");
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
        return "sqlite-moved-api";
    }

    @Override
    String api() {
        return "/shop-jobs";
    }
}
