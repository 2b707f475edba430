package guides

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Marker runes delimit link text in the markdown handed to the renderer so the
// reader can find each link on screen. They are zero-width format characters,
// so they never change how text wraps; Sanitize removes them from guide text so
// a guide cannot forge them.
//
// Each marker is followed by the link's number in binary, written with
// LinkBit0 and LinkBit1, so a link's start and end are matched even where
// the renderer moves text out of order (the cells of a wrapped table row).
const (
	LinkStart = '\u2060' // WORD JOINER
	LinkEnd   = '\u2061' // FUNCTION APPLICATION
	LinkBit0  = '\u2063' // INVISIBLE SEPARATOR
	LinkBit1  = '\u2064' // INVISIBLE PLUS
)

// isMarker reports the runes reserved for the renderer's markers.
func isMarker(r rune) bool { return r >= LinkStart && r <= LinkBit1 }

// Sanitize makes text from a guide file safe to print on a terminal. It is
// applied once, where text enters the library, so everything downstream
// (renderer, list, search, error messages) can trust it.
//
// Control characters become visible instead of vanishing, so a reader knows
// something was there: C0 controls and DEL in caret notation (ESC → "^["),
// C1 controls and bidirectional overrides as "<U+XXXX>". Newlines and tabs are
// kept; CRLF line endings become LF. Invalid UTF-8 bytes become U+FFFD.
//
// Markdown and HTML decode character references (&#27;, &#x1b;, &NoBreak;)
// after this point, so a reference to a character that would be changed
// here is replaced by what it would become, as if it had been written raw.
func Sanitize(s string) string {
	first := firstUnsafe(s)
	if first == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// CRLF: drop the CR, keep the LF on the next turn.
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case r >= 0x80 && r <= 0x9f, isBidiControl(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		case isMarker(r):
			// Reserved for the renderer's link markers; dropped because they are
			// invisible anyway and would confuse link positions.
		case r == '&':
			if decoded, n := unsafeReference(s[i:]); n > 0 {
				b.WriteString(Sanitize(decoded))
				i += n
				continue
			}
			b.WriteByte('&')
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// SanitizeLine is Sanitize for one-line fields (titles, summaries, file names):
// newlines and tabs become spaces too.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if strings.ContainsAny(s, "\n\t") {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// firstUnsafe is the offset of the first byte Sanitize would change, or
// len(s): most guide text is safe, and is then returned without a copy.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if !mayBeUnsafe[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if c != '&' {
				return i
			}
			if _, n := unsafeReference(s[i:]); n > 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r <= 0x9f || isBidiControl(r) || isMarker(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// mayBeUnsafe marks the bytes firstUnsafe must look at: controls but
// newline and tab, DEL, '&', and every byte of a multi-byte character.
var mayBeUnsafe = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == '&' || c >= utf8.RuneSelf
	}
	return t
}()

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// unsafeReference reads a character reference at the start of s and
// returns the text it stands for and its length, when that text holds a
// character Sanitize would change; n is 0 otherwise. References are read
// the two ways they are decoded downstream: as CommonMark does ("&#27;",
// "&#x202E;", "&NoBreak;", a semicolon required), and as Go's html package
// does for glamour, in text and code alike ("&#27" without a semicolon,
// legacy names such as "&not", and 128 to 159 as Windows-1252).
func unsafeReference(s string) (decoded string, n int) {
	end := referenceEnd(s)
	if end == 0 {
		return "", 0
	}
	ref := s[:end]
	if d := html.UnescapeString(ref); d != ref && firstUnsafe(d) < len(d) {
		return d, end
	}
	if d, ok := commonMarkReference(ref); ok && firstUnsafe(d) < len(d) {
		return d, end
	}
	return "", 0
}

// referenceEnd is the length of the reference-like run at the start of s:
// "&#" and digits, "&#x" and hex digits, or "&" and letters and digits,
// each with an optional ";". It is 0 when s starts with none.
func referenceEnd(s string) int {
	if len(s) < 2 || s[0] != '&' {
		return 0
	}
	i := 1
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isHex := func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
	valid := isDigit
	if s[i] == '#' {
		i++
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i++
			valid = isHex
		}
	} else {
		valid = func(c byte) bool { return util.IsAlphaNumeric(c) }
	}
	start := i
	for i < len(s) && i-start < 40 && valid(s[i]) {
		i++
	}
	if i == start {
		return 0
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	return i
}

// commonMarkReference decodes a reference with its semicolon as CommonMark
// does: 1 to 7 decimal or 1 to 6 hex digits, or an HTML5 entity name.
func commonMarkReference(ref string) (string, bool) {
	body, ok := strings.CutSuffix(ref[1:], ";")
	if !ok || body == "" {
		return "", false
	}
	if body[0] != '#' {
		e, ok := util.LookUpHTML5EntityByName(body)
		if !ok {
			return "", false
		}
		return string(e.Characters), true
	}
	digits, base := body[1:], 10
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || (base == 10 && len(digits) > 7) || (base == 16 && len(digits) > 6) {
		return "", false
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil || v == 0 || !utf8.ValidRune(rune(v)) {
		return "", false // decoded as U+FFFD, which is safe
	}
	return string(rune(v)), true
}

// Thousands writes n with a comma every three digits, as the guides write
// numbers: 20,000.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && c != '-' && s[i-1] != '-' && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Shorten cuts s to at most n runes, marking the cut: a message quotes
// what a file holds, which may be megabytes long.
func Shorten(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
