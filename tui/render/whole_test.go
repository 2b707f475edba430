package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// wholeTokens must never be split over two lines.
var wholeTokens = []string{"1,560 hours", "$1,000", "673,650", "1,200", "CLB 7", "NCLC 5", "March 11", "8.9%", "18 months"}

const wholeText = "You need 1,560 hours of work, a fee of $1,000 per position, CLB 7 or NCLC 5 in each skill, " +
	"and 673,650 people, up 1,200 since March 11, 2025, when unemployment was 8.9% for 18 months."

// splitAt reports where lines split token over a line break, or "".
func splitAt(lines []string, token string) string {
	for i := 0; i+1 < len(lines); i++ {
		end := strings.TrimRight(ansi.Strip(lines[i]), " ")
		next := strings.TrimLeft(ansi.Strip(lines[i+1]), " •*")
		for k := 1; k < len(token); k++ {
			head, tail := strings.TrimRight(token[:k], " "), strings.TrimLeft(token[k:], " ")
			if strings.HasSuffix(end, head) && strings.HasPrefix(next, tail) {
				return end + " / " + next
			}
		}
	}
	return ""
}

// TestTokensStayWhole wraps a paragraph and a list item full of numbers at
// every narrow width, in glamour and in the plain layout, and checks that no
// number, amount, test level or date is split over two lines.
func TestTokensStayWhole(t *testing.T) {
	md := wholeText + "\n\n- " + wholeText + "\n\n> " + wholeText + "\n"
	for _, style := range []string{"dark", "notty", "ascii"} {
		for width := 20; width <= 72; width++ { // 20 is the narrowest reader
			lines := sectionLines(t, style, width, md)
			for name, out := range map[string][]string{"glamour": lines, "plain": plainLines(md, width, style == "ascii")} {
				text := ansi.Strip(strings.Join(out, "\n"))
				for _, tok := range wholeTokens {
					if at := splitAt(out, tok); at != "" {
						t.Errorf("%s %s width %d: %q split: %q", name, style, width, tok, at)
					}
					if strings.Count(text, tok) != 3 {
						t.Errorf("%s %s width %d: %q shows %d times, want 3", name, style, width, tok, strings.Count(text, tok))
					}
				}
			}
		}
	}
}
