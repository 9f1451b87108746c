package io.huixun.text.convert;

/**
 * The outcome of {@link ScriptDetector#detect}: the script, a confidence in [0, 1], and the evidence counted.
 *
 * @param simplifiedOnly  Han characters found that exist only in simplified writing
 * @param traditionalOnly Han characters found that exist only in traditional writing
 * @param han             all Han characters examined
 */
public record ScriptGuess(Script script, double confidence, int simplifiedOnly, int traditionalOnly, int han) {}
