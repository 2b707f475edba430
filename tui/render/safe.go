// Package render turns guides into terminal output: glamour for styled
// text, a layout of its own for plain text, where each link and heading
// landed, and the one definition of what output is safe to send to a
// terminal, with the filter that makes any output so. It is used by the
// browser and by show alike, and must not import package tui.
package render

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Private marker runes the reader puts in markdown to find links and
// headings on screen (guides.LinkStart to guides.LinkBit1); they must
// never reach the terminal.
const (
	markerFirst = '\u2060'
	markerLast  = '\u2064'
)

// Unsafe describes the first thing in s that a terminal would act on, or
// that would fool a reader, and returns "" when there is none. This is the
// one definition of unsafe output that every printer and test uses.
//
// Newlines and tabs are safe. With styled, pathways' own styling is safe
// too: SGR sequences (ESC [ digits ; : m) and OSC 8 hyperlinks whose target
// is printable, ended by ST or BEL. Everything else is unsafe: any other
// escape sequence, C0 and C1 controls, DEL, bidirectional controls, the
// reader's private markers and invalid UTF-8.
func Unsafe(s string, styled bool) string {
	for i := 0; i < len(s); {
		if styled {
			if n := ownSequence(s[i:]); n > 0 {
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if what := unsafeRune(r, size); what != "" {
			from, to := max(0, i-20), min(len(s), i+20)
			return fmt.Sprintf("%s at byte %d in %q", what, i, strings.ToValidUTF8(s[from:to], "?"))
		}
		i += size
	}
	return ""
}

// Clean returns s with everything Unsafe would report made visible: C0
// controls in caret notation (ESC as "^["), C1 and bidirectional controls
// as "<U+XXXX>", invalid bytes as U+FFFD; the private markers are dropped.
// Safe output is returned as it is, without a copy.
func Clean(s string, styled bool) string {
	if Unsafe(s, styled) == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		if styled {
			if n := ownSequence(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case unsafeRune(r, size) == "":
			b.WriteString(s[i : i+size])
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case r >= markerFirst && r <= markerLast:
		default:
			fmt.Fprintf(&b, "<U+%04X>", r)
		}
		i += size
	}
	return b.String()
}

func unsafeRune(r rune, size int) string {
	switch {
	case r == utf8.RuneError && size == 1:
		return "invalid UTF-8"
	case r == '\n' || r == '\t':
		return ""
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return fmt.Sprintf("control U+%04X", r)
	case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c:
		return fmt.Sprintf("bidirectional control U+%04X", r)
	case r >= markerFirst && r <= markerLast:
		return fmt.Sprintf("private marker U+%04X", r)
	}
	return ""
}

// ownSequence is the length of the SGR sequence or OSC 8 hyperlink that s
// starts with, or 0.
func ownSequence(s string) int {
	if strings.HasPrefix(s, "\x1b[") {
		j := 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j < len(s) && s[j] == 'm' {
			return j + 1
		}
		return 0
	}
	if !strings.HasPrefix(s, "\x1b]8;") {
		return 0
	}
	for j := 4; j < len(s); {
		switch {
		case s[j] == '\x07':
			return j + 1
		case strings.HasPrefix(s[j:], "\x1b\\"):
			return j + 2
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if unsafeRune(r, size) != "" {
			return 0
		}
		j += size
	}
	return 0
}
