package render

import (
	"strings"
	"testing"
)

func TestUnsafe(t *testing.T) {
	bad := []string{
		"\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;aGk=\x07", "\x1bP+q544e\x1b\\", "\x1b_Gf=100\x1b\\",
		"\x07", "a\bb", "a\rb", "\u009b1m", "\u202e", "\u2069", "\u200f", "\x7f", "\xff",
		"\u2060forged\u2061", "\u2062", "\x1b]8;;https://x/\x1b[2J\x1b\\", "\x1b]8;;unterminated",
	}
	for _, s := range bad {
		if Unsafe(s, true) == "" {
			t.Errorf("Unsafe(%q) found nothing", s)
		}
		if got := Clean(s, true); Unsafe(got, true) != "" {
			t.Errorf("Clean(%q) = %q, still unsafe: %s", s, got, Unsafe(got, true))
		}
	}
	own := "\x1b[1;38;5;111mstyled\x1b[m \x1b]8;;https://www.canada.ca/\x1b\\link\x1b]8;;\x1b\\ \x1b]8;;https://a.ca/\x07l\x1b]8;;\x07\tend\n"
	if what := Unsafe(own, true); what != "" {
		t.Errorf("pathways' own styling is unsafe: %s", what)
	}
	if Clean(own, true) != own {
		t.Error("Clean changed safe output")
	}
	if Unsafe("\x1b[1mstyled\x1b[m", false) == "" {
		t.Error("styling allowed in plain output")
	}
}

func TestCleanShowsWhatWasThere(t *testing.T) {
	for in, want := range map[string]string{
		"a\x1b[2Jb":          "a^[[2Jb",
		"\u009b31m":          "<U+009B>31m",
		"x\u202ey":           "x<U+202E>y",
		"\u2060forged\u2061": "forged",
		"bell\x07":           "bell^G",
	} {
		if got := Clean(in, true); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Clean("\x1b[1mx", false); !strings.HasPrefix(got, "^[[1m") {
		t.Errorf("plain Clean kept styling: %q", got)
	}
}
