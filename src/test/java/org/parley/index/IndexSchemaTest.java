package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexSchemaTest {
    /** The sort key is stored in every index: building it by hand must give the bytes String.format gave. */
    @Test
    void sortKeyIsTheArticleIdThenTheZeroPaddedOrdinal() {
        for (int ordinal : new int[]{0, 1, 9, 10, 99, 999, 12_345, 99_999, 100_000, 999_999, 1_000_000, 12_345_678,
                Integer.MAX_VALUE, -1, -12_345, Integer.MIN_VALUE}) {
            assertThat(IndexSchema.sortKey("a0001234", ordinal)).isEqualTo("a0001234" + '\u0000' + String.format("%06d", ordinal));
        }
        assertThat(IndexSchema.sortKey("", 7)).isEqualTo("\u0000000007");
    }
}
