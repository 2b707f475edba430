package guides

import "testing"

// TestSanitizeReferences covers character references that decode to what
// Sanitize would change, in every form CommonMark or Go's html package
// (which glamour uses, in code spans too) decodes.
func TestSanitizeReferences(t *testing.T) {
	for in, want := range map[string]string{
		"a &#27;[2J b":                        "a ^[[2J b",
		"&#x1b;]0;t&#7;":                      "^[]0;t^G",
		"&#X1B;[8m":                           "^[[8m",
		"&#0000027;[8m":                       "^[[8m",
		"&#27[0 no semicolon":                 "^[[0 no semicolon",
		"&#x1b[2J":                            "^[[2J",
		"&#155;31m":                           "<U+009B>31m",
		"&#x9b;31m":                           "<U+009B>31m",
		"x&#x202E;y&#x202c;":                  "x<U+202E>y<U+202C>",
		"&lrm;a&rlm;":                         "<U+200E>a<U+200F>",
		"&NoBreak;f&ApplyFunction;":           "f",
		"&#x2060;f&#x2061; &InvisibleTimes;h": "f h",
		"&#13;":                               "^M",
		// Safe references are left for the renderer to decode.
		"&amp;#27; &lt;b&gt; &#8212; &eacute; &#x20AC; &Tab; &notit; &#0; &#99999999;": "&amp;#27; &lt;b&gt; &#8212; &eacute; &#x20AC; &Tab; &notit; &#0; &#99999999;",
		"AT&T and &c and & alone": "AT&T and &c and & alone",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShorten: a quoted value is cut at a rune boundary, and the cut shows.
func TestShorten(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 40, "short"},
		{"abcdef", 3, "abc…"},
		{"éééé", 2, "éé…"},
		{"abc", 3, "abc"},
		{"", 5, ""},
	} {
		if got := Shorten(c.in, c.n); got != c.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 20018: "20,018", 1234567: "1,234,567", -1200: "-1,200", -999: "-999"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
