package guides

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Marker runes delimit link text in the markdown handed to the renderer so the
// reader can find each link on screen. They are zero-width format characters,
// so they never change how text wraps; Sanitize removes them from guide text so
// a guide cannot forge them.
const (
	LinkStart = '\u2060' // WORD JOINER
	LinkEnd   = '\u2061' // FUNCTION APPLICATION
)

// Sanitize makes text from a guide file safe to print on a terminal. It is
// applied once, where text enters the library, so everything downstream
// (renderer, list, search, error messages) can trust it.
//
// Control characters become visible instead of vanishing, so a reader knows
// something was there: C0 controls and DEL in caret notation (ESC → "^["),
// C1 controls and bidirectional overrides as "<U+XXXX>". Newlines and tabs are
// kept; CRLF line endings become LF. Invalid UTF-8 bytes become U+FFFD.
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
		case r == LinkStart || r == LinkEnd || r == HeadingMark:
			// Reserved for the renderer's link markers; dropped because they are
			// invisible anyway and would confuse link positions.
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
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r <= 0x9f || isBidiControl(r) ||
			r == LinkStart || r == LinkEnd || r == HeadingMark {
			return i
		}
		i += size
	}
	return len(s)
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
