package render

import "strings"

// asciiMarks folds the marks pathways and its guides draw (rules, bars,
// bullets, arrows, ellipses, typographic dashes and quotes) to ASCII, one
// column for one column so that layouts keep their widths. Letters such
// as é stay: they are words, not decoration.
var asciiMarks = strings.NewReplacer(
	"─", "-", "━", "=", "│", "|", "┃", "|", "▌", ">", "•", "*", "·", "-",
	"…", ".", "›", ">", "→", ">", "←", "<", "↑", "^", "↓", "v",
	"–", "-", "—", "-", "‘", "'", "’", "'", "“", `"`, "”", `"`, "×", "x", "÷", "/",
)

// ASCII is s with its marks folded to ASCII, for --style ascii.
func ASCII(s string) string { return asciiMarks.Replace(s) }
