package render

import (
	"regexp"
	"strings"
)

// Wrapping breaks lines at spaces, and glamour also breaks after , . ; - +
// and | in lists and quotes, which would leave "$1," at the end of one line
// and "000" at the start of the next, or "CLB" apart from its "7". Before
// text is wrapped, the commas and points inside a number and the space
// inside a few tokens (a number and its unit, a test level, a month and its
// day) are swapped for placeholders that no wrapper breaks at, and swapped
// back after. The placeholders are private-use characters, one cell wide
// like what they stand for; guide text has no use for them.
const (
	gluedSpace = '\uE000'
	gluedComma = '\uE001'
	gluedPoint = '\uE002'
)

var (
	// A number with grouped thousands or a decimal point: 1,560, 8.9.
	wholeNumber = regexp.MustCompile(`\d+(?:[,.]\d+)+`)
	// Tokens of two words: "1,560 hours", "CLB 7", "NCLC 5", "March 11".
	wholePhrase = regexp.MustCompile(`\d%? (?:hours?|days?|weeks?|months?|years?|points?)\b` +
		`|\b(?:CLB|NCLC|TEER|NOC) \d` +
		`|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d`)

	glue = strings.NewReplacer(" ", string(gluedSpace), ",", string(gluedComma), ".", string(gluedPoint))

	unglue = strings.NewReplacer(string(gluedSpace), " ", string(gluedComma), ",", string(gluedPoint), ".")
)

// keepWhole returns md with the tokens that must stay on one line glued
// together (see gluedSpace).
func keepWhole(md string) string {
	md = wholeNumber.ReplaceAllStringFunc(md, glue.Replace)
	return wholePhrase.ReplaceAllStringFunc(md, glue.Replace)
}

// unglueLines puts back what keepWhole glued, in place.
func unglueLines(lines []string) []string {
	for i, l := range lines {
		if strings.ContainsAny(l, string([]rune{gluedSpace, gluedComma, gluedPoint})) {
			lines[i] = unglue.Replace(l)
		}
	}
	return lines
}
