package io.reclab.config;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ConfigBlockTest {
    private static ConfigBlock block(String hocon) {
        return new ConfigBlock(ConfigFactory.parseString(hocon), "");
    }

    @Test
    void integersAreNotCoercedSilently() {
        assertEquals(7L, block("seed = 7").getLong("seed", null));
        assertEquals(-3, block("n = -3").getInt("n", null));
        assertEquals(2, block("n = 2.0").getInt("n", null), "an integral number written with a point is still that integer");
        ConfigError e = assertThrows(ConfigError.class, () -> block("seed = 1.5").getLong("seed", null));
        assertEquals("`seed` = 1.5: expected an integer, not a fraction", e.getMessage());
        e = assertThrows(ConfigError.class, () -> block("seed = 99999999999999999999").getLong("seed", null));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> block("n = 3000000000").getInt("n", null));
        assertTrue(e.getMessage().contains("out of range") && e.getMessage().contains("2147483647"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> block("n = abc").getInt("n", null));
        assertTrue(e.getMessage().contains("expected an integer"), e.getMessage());
        assertEquals(5, block("x = 1").getInt("n", 5), "absent keys take the default");
    }
}
