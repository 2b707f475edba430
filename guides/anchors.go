package guides

import (
	"strconv"
	"strings"
	"unicode"
)

// Anchor turns heading text into a GitHub-style anchor: lowercase, spaces to
// hyphens, punctuation dropped, letters and digits of any script kept.
func Anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), r == '_', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// anchorSet hands out unique anchors the way GitHub does: the second
// "Fees" heading becomes "fees-1", the third "fees-2".
type anchorSet map[string]int

func (s anchorSet) unique(heading string) string {
	base := Anchor(heading)
	n, seen := s[base]
	s[base] = n + 1
	if !seen {
		return base
	}
	for {
		candidate := base + "-" + strconv.Itoa(n)
		if _, taken := s[candidate]; !taken {
			s[candidate] = 1
			return candidate
		}
		n++
		s[base] = n + 1
	}
}
