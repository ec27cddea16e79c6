package com.deepenrich.camel.examples.csv;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bundled sample is what its generator makes: 1,000 rows, reproducible, invalid rows where documented. */
class SampleContactsTest {

    @Test
    void theBundledSampleIsTheGeneratorsOutput() throws Exception {
        Path sample = JobFixtures.sample();

        assertEquals(SampleContactsGenerator.generate(), Files.readString(sample));
        assertEquals(SampleContactsGenerator.ROWS, JobFixtures.read(sample).size());
    }
}
