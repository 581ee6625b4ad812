package dev.egressguard.core.finding;

/**
 * The verdict of one rule on one resource. A {@link Finding} is FAIL or UNKNOWN; PASS is kept
 * only in {@link Evaluation}s, so reports such as JUnit can show what was checked and passed.
 */
public enum Outcome { PASS, FAIL, UNKNOWN }
