package guides

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fastFrontMatter reads the plain form that guide headers take without the
// YAML parser, which costs far more than reading the fields directly (the
// commit that added this has the measurements):
//
//	title: plain text, or "quoted" or 'quoted' without escapes
//	tags: [word, word]
//	sources:
//	  - title: text
//	    url: https://…
//
// It accepts only input whose meaning in YAML is not in doubt, and says ok
// false for anything else (comments, escapes, block lists, unknown or
// repeated keys, odd characters, …): the YAML parser then reads the header
// and reports its problems. FuzzFastFrontMatter checks that whatever this
// accepts, the parser reads the same way.
func fastFrontMatter(head []byte, offset int) (fm frontMatter, keyLines map[string]int, ok bool) {
	keyLines = make(map[string]int, 8)
	lines := bytes.Split(bytes.TrimSuffix(head, []byte("\n")), []byte("\n"))
	if len(head) == 0 || head[len(head)-1] != '\n' {
		return fm, nil, false
	}
	for i := 0; i < len(lines); i++ {
		line := string(lines[i])
		if line == "" {
			continue
		}
		key, value, found := strings.Cut(line, ":")
		if !found || !isFastKey(key) {
			return fm, nil, false
		}
		if _, dup := keyLines[key]; dup {
			return fm, nil, false
		}
		keyLines[key] = i + 1 + offset
		if key == "sources" {
			if value != "" {
				return fm, nil, false
			}
			var n int
			fm.Sources, n, ok = fastSources(lines[i+1:], i+2+offset)
			if !ok {
				return fm, nil, false
			}
			i += n
			continue
		}
		value, found = strings.CutPrefix(value, " ")
		if !found {
			return fm, nil, false
		}
		switch key {
		case "tags", "related":
			list, ok := fastFlowList(value)
			if !ok {
				return fm, nil, false
			}
			fm.set(key, "", list)
		default:
			v, ok := fastScalar(value)
			if !ok {
				return fm, nil, false
			}
			fm.set(key, v, nil)
		}
	}
	return fm, keyLines, len(keyLines) > 0
}

func isFastKey(k string) bool {
	switch k {
	case "title", "summary", "slug", "reviewed", "tags", "related", "sources":
		return true
	}
	return false
}

// fastSources reads the block list under "sources:": every item is
// "- field: …" followed by its other fields, aligned under the first.
// firstLine is the file line of lines[0]. It returns the number of lines
// used; the list ends at the first line that starts in column 0.
func fastSources(lines [][]byte, firstLine int) ([]source, int, bool) {
	var out []source
	indent := -1
	n := 0
	for ; n < len(lines); n++ {
		line := string(lines[n])
		if line == "" || line[0] != ' ' && line[0] != '-' {
			break
		}
		rest := strings.TrimLeft(line, " ")
		lead := len(line) - len(rest)
		var field string
		switch {
		case strings.HasPrefix(rest, "- "):
			if indent < 0 {
				indent = lead
			}
			if lead != indent {
				return nil, 0, false
			}
			out = append(out, source{line: firstLine + n})
			field = rest[2:]
		case lead == indent+2 && len(out) > 0:
			field = rest
		default:
			return nil, 0, false
		}
		key, value, found := strings.Cut(field, ": ")
		if !found {
			return nil, 0, false
		}
		v, ok := fastScalar(value)
		if !ok {
			return nil, 0, false
		}
		if !out[len(out)-1].set(key, v) {
			return nil, 0, false
		}
	}
	// A source lacking a field, or an empty list, is left to the parser,
	// which reports it.
	if len(out) == 0 {
		return nil, 0, false
	}
	for _, s := range out {
		if s.Title == "" || s.URL == "" {
			return nil, 0, false
		}
	}
	return out, n, true
}

// fastScalar is a one-line value: plain text, or quoted text that holds
// none of its quotes' special characters.
func fastScalar(v string) (string, bool) {
	if v == "" || !fastChars(v) {
		return "", false
	}
	switch v[0] {
	case '"', '\'':
		q := v[:1]
		if len(v) < 2 || !strings.HasSuffix(v, q) {
			return "", false
		}
		// Inside double quotes only '"' and '\\' are special; inside single
		// quotes only "'".
		inner := v[1 : len(v)-1]
		special := "\"\\"
		if q == "'" {
			special = "'"
		}
		if inner == "" || strings.ContainsAny(inner, special) {
			return "", false
		}
		return inner, true
	}
	if !fastPlain(v) {
		return "", false
	}
	return v, true
}

// fastPlain reports whether v is an unquoted YAML string as written: it
// starts with no YAML indicator, has no comment, no ": " and no trailing
// space, and is not a null.
func fastPlain(v string) bool {
	if v == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`~ ", rune(v[0])) {
		return false
	}
	if strings.HasSuffix(v, " ") || strings.HasSuffix(v, ":") || strings.Contains(v, ": ") || strings.Contains(v, " #") {
		return false
	}
	switch v {
	case "null", "Null", "NULL":
		return false
	}
	return true
}

// fastFlowList is "[a, b, c]" of plain words (or "[]").
func fastFlowList(v string) ([]string, bool) {
	inner, ok := strings.CutPrefix(v, "[")
	if !ok {
		return nil, false
	}
	inner, ok = strings.CutSuffix(inner, "]")
	if !ok || !fastChars(inner) {
		return nil, false
	}
	if inner == "" {
		return []string{}, true
	}
	items := strings.Split(inner, ", ")
	for _, it := range items {
		if !fastPlain(it) || strings.ContainsAny(it, ",[]{}:\"'#") {
			return nil, false
		}
	}
	return items, true
}

// fastChars allows printable text and spaces only: no tabs, no controls,
// none of the characters some YAML versions take as line breaks, no
// byte-order mark.
func fastChars(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !unicode.IsPrint(r) || r == '\ufeff' {
			return false
		}
		i += size
	}
	return true
}
