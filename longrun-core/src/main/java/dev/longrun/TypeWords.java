package dev.longrun;

/**
 * How the status screens speak of a job type, declared by the type itself so a host's screens need no table of
 * its own: an {@code icon} ("⇩"), what it says while running ("Exporting contacts") and when done ("Export
 * complete"), a {@code noun} for the job ("export"), and, for types that record item outcomes, the plural noun
 * of an item ("contacts") with the words for items that succeeded ("exported") and failed ("skipped"). Any part
 * may be null: the screens then fall back to the type's label and neutral words. {@code startOver} labels the way
 * back to the form after a failure a retry cannot cure.
 */
public record TypeWords(String icon, String running, String done, String noun, String items, String itemsDone,
                        String itemsFailed, String startOver) {

    /** Words without a label of their own for "Start over". */
    public TypeWords(String icon, String running, String done, String noun, String items, String itemsDone, String itemsFailed) {
        this(icon, running, done, noun, items, itemsDone, itemsFailed, null);
    }

    /** Words for a type without item outcomes. */
    public static TypeWords of(String icon, String running, String done, String noun) {
        return new TypeWords(icon, running, done, noun, null, null, null, null);
    }

    /** The same words, with the nouns of its items: ("contacts", "exported", null). */
    public TypeWords withItems(String items, String itemsDone, String itemsFailed) {
        return new TypeWords(icon, running, done, noun, items, itemsDone, itemsFailed, startOver);
    }

    /**
     * The same words, with the label of "Start over" where a failure that a retry cannot cure leaves it the way on
     * ("Upload again" for an import whose file expired).
     */
    public TypeWords withStartOver(String label) {
        return new TypeWords(icon, running, done, noun, items, itemsDone, itemsFailed, label);
    }
}
