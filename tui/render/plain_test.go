package render

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"pathways/assets"
	"pathways/guides"
)

func TestPlainLayout(t *testing.T) {
	tests := []struct {
		name, md string
		width    int
		ascii    bool
		want     string
	}{
		{"heading and wrapped paragraph", "## A heading\n\nOne two three four five six seven eight.\n", 23, false,
			"  ## A heading\n\n  One two three four\n  five six seven eight."},
		{"bullets hang", "- first item that wraps here\n- second\n", 20, false,
			"  • first item that\n    wraps here\n  • second"},
		{"ascii bullets", "- one\n- two\n", 20, true, "  * one\n  * two"},
		{"ordered from 3", "3. three\n4. four\n", 20, false, "  3. three\n  4. four"},
		{"nested list", "- outer\n  - inner one\n- next\n", 30, false, "  • outer\n    • inner one\n  • next"},
		{"loose list", "- a\n\n- b\n", 20, false, "  • a\n\n  • b"},
		{"quote", "> quoted text\n>\n> more\n", 30, false, "  │ quoted text\n  │\n  │ more"},
		{"code is not wrapped", "```\nlong code line stays whole\n```\n", 16, false, "      long code line stays whole"},
		{"escapes and references", "Note \\[1\\] &amp; &#65;\n", 40, false, "  Note [1] & A"},
		{"hard break", "line one\\\nline two\n", 40, false, "  line one\n  line two"},
		{"long word stays whole", "see https://example.com/a/very/long/path now\n", 20, false,
			"  see\n  https://example.com/a/very/long/path\n  now"},
		{"table that fits", "| A | Bee |\n|---|---|\n| 1 | 2 |\n", 40, false, "  A │ Bee\n  ──┼────\n  1 │ 2"},
		{"table too wide", "| Name | Value |\n|---|---|\n| first | a long value here |\n", 23, false,
			"  Name: first\n  Value: a long value\n    here"},
		{"definition list", "Term\n: The meaning.\n", 40, false, "  Term\n      The meaning."},
		{"task list", "- [x] done\n- [ ] todo\n", 40, false, "  • [x] done\n  • [ ] todo"},
		{"html is dropped", "<div>raw</div>\n\nText <b>bold</b>.\n", 40, false, "  Text bold."},
		{"control from a reference is shown, not sent", "bad &#27;[2J here\n", 40, false, "  bad ^[[2J here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(plainLines(tt.md, tt.width, tt.ascii), "\n")
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// letters counts the letters and digits in s. Glamour breaks words inside
// table cells, so words cannot be compared; their letters can.
func letters(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			m[r]++
		}
	}
	return m
}

// TestPlainTextKeepsEveryWord prints every embedded guide as `show` does
// to a pipe, at several widths, and checks it against glamour's plain
// rendering of the same markdown: every letter glamour prints is printed,
// every heading is there, lines fit, and nothing but text and newlines
// comes out.
func TestPlainTextKeepsEveryWord(t *testing.T) {
	lib := guides.LoadEmbedded()
	for _, width := range []int{40, 60, 80, 100} {
		r, err := New(lib, assets.StyleNoTTY, width)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range lib.Guides() {
			out, err := r.Text(g)
			if err != nil {
				t.Fatal(err)
			}
			md, _ := lib.Mark(lib.Page(g), guides.MarkFootnotes)
			glam, err := r.renderSections(md)
			if err != nil {
				t.Fatal(err)
			}
			have := letters(out)
			for r, n := range letters(strings.Join(glam, "\n")) {
				if have[r] < n {
					t.Errorf("%s at %d: glamour prints %q %d times, plain text %d", g.Slug, width, r, n, have[r])
				}
			}
			flat := strings.Join(strings.Fields(out), " ") // undo wrapping
			for _, h := range lib.Page(g).Headings() {
				if !strings.Contains(flat, strings.Repeat("#", h.Level)+" "+strings.Join(strings.Fields(h.Text), " ")) {
					t.Errorf("%s at %d: heading %q missing", g.Slug, width, h.Text)
				}
			}
			for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if strings.ContainsFunc(line, func(r rune) bool { return unicode.IsControl(r) }) {
					t.Errorf("%s line %d: control character in %q", g.Slug, i+1, line)
				}
				// Only a single unbreakable word, or the list of links
				// (written whole for copying), may run over.
				if w := cellWidth(line); w > width && len(strings.Fields(line)) > 1 && !strings.HasPrefix(strings.TrimSpace(line), "http") && !linkNote.MatchString(line) {
					t.Errorf("%s line %d is %d cells, over %d: %q", g.Slug, i+1, w, width, line)
				}
			}
		}
	}
}

// linkNote is a line of the link list at the end of text output.
var linkNote = regexp.MustCompile(`^  L\d+ +`)

// FuzzPlainText lays out arbitrary markdown at arbitrary widths: it must
// finish, and print nothing but text (control characters from references
// or the source are made visible).
func FuzzPlainText(f *testing.F) {
	for _, seed := range []string{
		"## H\n\nText [1] \\[2\\] &amp; &#27;[2J\n", "- a\n  - b\n    - c\n", strings.Repeat("> ", 60) + "deep\n",
		"| a | b |\n|---|---|\n| " + strings.Repeat("x", 300) + " | y |\n", "```\n\x1b[31mcode\n```\n",
		"Term\n: def\n\n1. one\n2) two\n\n---\n\n<b>raw</b>\n", "- [x] done\n\nhttps://example.com/x\n",
	} {
		f.Add(seed, 80)
	}
	f.Fuzz(func(t *testing.T, md string, width int) {
		width = width%300 + 1
		if width < 1 {
			width = -width + 1
		}
		for _, line := range plainLines(guides.Sanitize(md), width, false) {
			if strings.ContainsFunc(line, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) {
				t.Fatalf("control character in %q", line)
			}
		}
	})
}
