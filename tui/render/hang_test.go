package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestListItemsHang wraps long bulleted and numbered items, a nested one
// and one written over two source lines: every line after an item's first
// starts under the item's text, not under its bullet, no line passes the
// width, and every word is kept, in order.
func TestListItemsHang(t *testing.T) {
	item := "You need at least 1 year of **skilled work** in Canada (1,560 hours) in a TEER 0, 1, 2 or 3 job, " +
		"in the 3 years before you apply, done while you were authorized to work; a well-known rule."
	md := "- " + item + "\n- Short.\n  - " + item + "\n\n" +
		"Between.\n\n" +
		"9. " + item + "\n10. " + item + "\n\n" +
		"- Written over\n  two lines, " + item + "\n"
	for _, style := range []string{"dark", "notty", "ascii"} {
		for _, width := range []int{30, 45, 60, 80} {
			lines := sectionLines(t, style, width, md)
			hang := -1 // the column item text starts at, while in an item
			var words []string
			for i, l := range lines {
				plain := strings.TrimRight(ansi.Strip(l), " ")
				if w := ansi.StringWidth(plain); w > width {
					t.Errorf("%s/%d line %d is %d wide: %q", style, width, i, w, plain)
				}
				text := strings.TrimLeft(plain, " ")
				indent := len(plain) - len(text)
				fields := strings.Fields(text)
				switch {
				case text == "":
					hang = -1
				case len(fields) > 1 && (fields[0] == "•" || fields[0] == "*" || strings.HasSuffix(fields[0], ".") && strings.Trim(fields[0], "0123456789.") == ""):
					hang = indent + ansi.StringWidth(fields[0]) + 1
					fields = fields[1:]
				case strings.HasPrefix(text, "Between"):
					hang = -1
				case hang >= 0 && indent != hang:
					t.Errorf("%s/%d line %d starts at column %d, want %d under the item's text:\n%s", style, width, i, indent, hang, strings.Join(lines, "\n"))
				}
				words = append(words, fields...)
			}
			got := strings.ReplaceAll(strings.Join(words, " "), "**", "")
			for _, want := range []string{item, "Written over two lines, " + item} {
				want = strings.ReplaceAll(want, "**", "")
				if !strings.Contains(got, want) {
					t.Errorf("%s/%d: item text changed:\n got %q\nwant %q", style, width, got, want)
				}
			}
		}
	}
}

// sectionLines renders md with glamour in style at width, as the reader
// does, without a library.
func sectionLines(t *testing.T, style string, width int, md string) []string {
	t.Helper()
	r, err := New(nil, style, width)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := r.renderSections(md)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}
