package io.reclab.data.synthetic;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;

/**
 * Parameters of the synthetic generator, with defaults sized so the quickstart runs in seconds.
 *
 * @param name                 dataset name (default {@code synthetic})
 * @param seed                 generator seed (default 42)
 * @param users                number of users (default 1000)
 * @param items                number of items (default 800)
 * @param clusters             latent taste clusters shared by users and items (default 8)
 * @param factors              latent dimension (default 16)
 * @param interactionsPerUser  mean interactions per user (default 40)
 * @param spread               log-normal sigma of per-user activity (default 0.5; 0 = every user the same)
 * @param popularityExponent   Zipf exponent s of item popularity, weight ∝ rank^-s (default 1.0)
 * @param affinity             strength of the latent match p·q in the choice logit (default 4.0)
 * @param noise                share of interactions drawn from popularity alone, ignoring taste (default 0.1)
 * @param days                 time span of the log in days (default 365)
 */
public record SyntheticConfig(String name, long seed, int users, int items, int clusters, int factors,
                              double interactionsPerUser, double spread, double popularityExponent,
                              double affinity, double noise, int days) {
    /** Timestamp (seconds) of the first possible interaction: 2020-01-01T00:00:00Z. */
    public static final long EPOCH = 1_577_836_800L;

    public SyntheticConfig {
        if (users < 1 || items < 2 || clusters < 1 || factors < 1 || days < 1)
            throw new ConfigError("synthetic: users >= 1, items >= 2, clusters, factors and days >= 1 required");
        if (days > 20_000) throw new ConfigError("synthetic: days = " + days + ": expected at most 20000");
        if (clusters > items) throw new ConfigError("synthetic: clusters = " + clusters + " exceeds items = " + items);
        if (!(interactionsPerUser >= 1)) throw new ConfigError("synthetic: interactions-per-user = " + interactionsPerUser + ": expected >= 1");
        if (!(noise >= 0 && noise <= 1)) throw new ConfigError("synthetic: noise = " + noise + ": expected a number in [0, 1]");
    }

    public static SyntheticConfig defaults() {
        return new SyntheticConfig("synthetic", 42, 1000, 800, 8, 16, 40, 0.5, 1.0, 4.0, 0.1, 365);
    }

    /** Reads the {@code dataset} block (keys as in the record, kebab-case). */
    public static SyntheticConfig from(ConfigBlock b) {
        SyntheticConfig d = defaults();
        return new SyntheticConfig(
                b.getString("name", d.name()),
                b.getLong("seed", d.seed()),
                b.positiveInt("users", d.users()),
                b.positiveInt("items", d.items()),
                b.positiveInt("clusters", d.clusters()),
                b.positiveInt("factors", d.factors()),
                b.positive("interactions-per-user", d.interactionsPerUser()),
                b.nonNegative("spread", d.spread()),
                b.nonNegative("popularity-exponent", d.popularityExponent()),
                b.nonNegative("affinity", d.affinity()),
                b.inRange("noise", d.noise(), 0, 1),
                b.positiveInt("days", d.days()));
    }

    /** One-line description used as the dataset's source. */
    public String describe() {
        return "synthetic(seed=" + seed + ", users=" + users + ", items=" + items + ", clusters=" + clusters
                + ", factors=" + factors + ", interactions-per-user=" + interactionsPerUser + ", spread=" + spread
                + ", popularity-exponent=" + popularityExponent + ", affinity=" + affinity + ", noise=" + noise
                + ", days=" + days + ")";
    }
}
