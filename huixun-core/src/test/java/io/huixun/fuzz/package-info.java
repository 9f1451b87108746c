/**
 * Test support: replays the seed corpora of the Jazzer fuzz targets as plain parameterized JUnit tests, so that
 * {@code ./mvnw verify} runs every seed on any JDK (Jazzer itself fuzzes only where it supports the JDK).
 */
package io.huixun.fuzz;
