package io.reclab.data.loader;

/** Parsing of MovieLens titles of the form {@code Toy Story (1995)}. */
final class MovieTitles {
    private MovieTitles() {}

    /** The year in a trailing {@code (yyyy)} of the title (an optional range {@code (2007-2013)} gives its start), else NaN. */
    static float year(String title) {
        String t = title.trim();
        if (!t.endsWith(")")) return Float.NaN;
        int open = t.lastIndexOf('(');
        if (open < 0) return Float.NaN;
        String in = t.substring(open + 1, t.length() - 1);
        int dash = in.indexOf('-');
        if (dash > 0) in = in.substring(0, dash);
        in = in.trim();
        if (in.length() != 4) return Float.NaN;
        for (int i = 0; i < 4; i++) if (!Character.isDigit(in.charAt(i))) return Float.NaN;
        return Integer.parseInt(in);
    }

    /** Genre list {@code A|B|C}; MovieLens' {@code (no genres listed)} means none. */
    static java.util.List<String> genres(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.equals("(no genres listed)")) return java.util.List.of();
        return java.util.List.of(t.split("\\|"));
    }
}
