package render

import (
	"strings"
	"unicode/utf8"
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

var unglue = strings.NewReplacer(string(gluedSpace), " ", string(gluedComma), ",", string(gluedPoint), ".")

// keepWhole returns md with the tokens that must stay on one line glued
// together (see gluedSpace): the comma or point between two digits
// (1,560, 8.9), and the space after a number before a unit (1,560 hours,
// 5 years, 30 points) and between CLB, NCLC, TEER, NOC or a month and the
// number after it (CLB 7, March 11). It reads md once; it runs on every
// rendering.
func keepWhole(md string) string {
	var b []byte // md with glue, made on the first change
	put := func(i int, r rune) {
		if b == nil {
			b = make([]byte, 0, len(md)+64)
			b = append(b, md[:i]...)
		}
		b = utf8.AppendRune(b, r)
	}
	for i := 0; i < len(md); i++ {
		c := md[i]
		glued := rune(0)
		switch {
		case (c == ',' || c == '.') && i > 0 && isDigit(md[i-1]) && i+1 < len(md) && isDigit(md[i+1]):
			glued = gluedComma
			if c == '.' {
				glued = gluedPoint
			}
		case c == ' ' && i+1 < len(md) && (numberBefore(md[:i]) && unitAfter(md[i+1:]) || keywordBefore(md[:i]) && isDigit(md[i+1])):
			glued = gluedSpace
		}
		switch {
		case glued != 0:
			put(i, glued)
		case b != nil:
			b = append(b, c)
		}
	}
	if b == nil {
		return md
	}
	return string(b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordByte(c byte) bool { return isDigit(c) || c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z' }

// numberBefore reports whether s ends with a digit, or a digit and "%".
func numberBefore(s string) bool {
	s = strings.TrimSuffix(s, "%")
	return s != "" && isDigit(s[len(s)-1])
}

// units are the words that stay with the number before them.
var units = []string{"hours", "hour", "days", "day", "weeks", "week", "months", "month", "years", "year", "points", "point"}

// unitAfter reports whether s starts with a unit, as a whole word.
func unitAfter(s string) bool {
	for _, u := range units {
		if strings.HasPrefix(s, u) && (len(s) == len(u) || !isWordByte(s[len(u)])) {
			return true
		}
	}
	return false
}

// keywords are the words that stay with the number after them.
var keywords = []string{"CLB", "NCLC", "TEER", "NOC", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// keywordBefore reports whether s ends with a keyword, as a whole word.
func keywordBefore(s string) bool {
	for _, k := range keywords {
		if strings.HasSuffix(s, k) && (len(s) == len(k) || !isWordByte(s[len(s)-len(k)-1])) {
			return true
		}
	}
	return false
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
