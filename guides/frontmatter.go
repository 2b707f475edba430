package guides

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// ValidSlug reports whether s is lowercase letters, digits and single
// hyphens (not first or last): ^[a-z0-9]+(-[a-z0-9]+)*$.
func ValidSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// frontMatter is the YAML header as written; fields are checked after decoding.
type frontMatter struct {
	Title, Summary, Slug, Reviewed string
	Tags, Related                  []string
	Sources                        []source
	// wrongType holds the fields present with the wrong type (already
	// reported), so they are not reported missing as well.
	wrongType map[string]bool
}

// source is one entry of the sources list as written.
type source struct {
	ID, Title, Publisher, URL, Kind, Published, Checked string
	line                                                int
}

// sourceFields names the fields a source may have, for messages.
const sourceFields = "id, title, publisher, url, kind, published, checked"

// set stores a source field by its key; it reports false for an unknown
// key or one already set.
func (s *source) set(key, v string) bool {
	var f *string
	switch key {
	case "id":
		f = &s.ID
	case "title":
		f = &s.Title
	case "publisher":
		f = &s.Publisher
	case "url":
		f = &s.URL
	case "kind":
		f = &s.Kind
	case "published":
		f = &s.Published
	case "checked":
		f = &s.Checked
	default:
		return false
	}
	if *f != "" {
		return false
	}
	*f = v
	return true
}

// set stores a text field (title, summary, slug, reviewed) or a list
// (tags, related) by its key.
func (fm *frontMatter) set(key, text string, list []string) {
	switch key {
	case "title":
		fm.Title = text
	case "summary":
		fm.Summary = text
	case "slug":
		fm.Slug = text
	case "reviewed":
		fm.Reviewed = text
	case "tags":
		fm.Tags = list
	case "related":
		fm.Related = list
	}
}

// parseFile turns one file's bytes into a Guide. The guide is nil when
// anything is wrong with the file; problems lists all of it.
func parseFile(file, origin string, data []byte) (*Guide, []Problem) {
	return parse(file, origin, data, true)
}

// parseHead is parseFile for the start of a file that holds its whole
// front matter (see headLength): the guide's Body is left empty, and the
// checks of the text are left to whoever reads it (see checkBody).
func parseHead(file, origin string, head []byte) (*Guide, []Problem) {
	return parse(file, origin, head, false)
}

func parse(file, origin string, data []byte, whole bool) (*Guide, []Problem) {
	var probs []Problem
	report := func(line int, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}

	if p := checkBytes(data); p != nil {
		p.File = file
		return nil, append(probs, *p)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		report(0, "empty file")
		return nil, probs
	}

	head, body, bodyLine, ok := splitFrontMatter(data)
	if !ok {
		if bytes.HasPrefix(data, []byte("---")) {
			report(1, "front matter is not closed: add a line with --- after it")
		} else {
			report(1, "missing front matter: a guide starts with a --- line, YAML fields, and another --- line")
		}
		return nil, probs
	}

	fm, keyLines, yprobs := decodeFrontMatter(head)
	for _, p := range yprobs {
		report(p.Line, "%s", p.Msg)
	}
	if fm == nil {
		return nil, probs
	}
	fieldLine := func(key string) int {
		if l, ok := keyLines[key]; ok {
			return l
		}
		return 1
	}

	g := &Guide{File: file, Origin: origin, BodyLine: bodyLine}
	g.Title = SanitizeLine(strings.TrimSpace(fm.Title))
	g.Summary = SanitizeLine(strings.TrimSpace(fm.Summary))
	if g.Title == "" && !fm.wrongType["title"] {
		report(fieldLine("title"), "missing required field \"title\"")
	}
	switch {
	case g.Summary == "" && fm.wrongType["summary"]:
	case g.Summary == "":
		report(fieldLine("summary"), "missing required field \"summary\"")
	case strings.Contains(strings.TrimSpace(fm.Summary), "\n"):
		report(fieldLine("summary"), "summary must be one line")
	}

	g.Slug = strings.TrimSpace(fm.Slug)
	if g.Slug == "" {
		g.Slug = strings.TrimSuffix(path.Base(file), path.Ext(file))
		if !ValidSlug(g.Slug) {
			report(1, "file name %q is not a valid slug: rename the file or set slug: (lowercase letters, digits, hyphens)", SanitizeLine(path.Base(file)))
			g.Slug = SanitizeLine(g.Slug)
		}
	} else if !ValidSlug(g.Slug) {
		report(fieldLine("slug"), "slug %q must be lowercase letters, digits and hyphens", SanitizeLine(g.Slug))
		g.Slug = SanitizeLine(g.Slug)
	}

	switch reviewed := strings.TrimSpace(fm.Reviewed); {
	case reviewed == "" && fm.wrongType["reviewed"]:
	case reviewed == "":
		report(fieldLine("reviewed"), "missing required field \"reviewed\" (YYYY-MM-DD: the day the facts were last checked)")
	default:
		t, err := time.Parse(time.DateOnly, reviewed)
		if err != nil {
			report(fieldLine("reviewed"), "reviewed %q is not a date in the form YYYY-MM-DD", SanitizeLine(reviewed))
		}
		g.Reviewed = t
	}

	for _, t := range fm.Tags {
		if t = SanitizeLine(strings.TrimSpace(t)); t != "" {
			g.Tags = append(g.Tags, t)
		}
	}
	for _, r := range fm.Related {
		g.Related = append(g.Related, SanitizeLine(strings.TrimSpace(r)))
	}
	for i, s := range fm.Sources {
		clean := func(v string) string { return SanitizeLine(strings.TrimSpace(v)) }
		src := Source{ID: clean(s.ID), Title: clean(s.Title), Publisher: clean(s.Publisher), URL: clean(s.URL),
			Kind: clean(s.Kind), Published: clean(s.Published), Checked: clean(s.Checked), Line: s.line}
		if src.Line == 0 {
			src.Line = fieldLine("sources")
		}
		if src.Title == "" || src.URL == "" {
			report(src.Line, "source %d needs both title and url", i+1)
		}
		if src.URL != "" && !IsWebURL(src.URL) {
			report(src.Line, "source %d: url %q must start with https:// or http://", i+1, src.URL)
		}
		g.Sources = append(g.Sources, src)
	}

	if whole {
		g.setBody(string(body))
		if p := g.emptyBody(); p != nil {
			probs = append(probs, *p)
		}
	}
	// A guide with a broken header is left out rather than shown half-made;
	// its problems say how to fix it.
	if len(probs) > 0 {
		return nil, probs
	}
	return g, probs
}

// checkBytes is what makes a file unreadable as a guide whatever it says:
// a NUL byte or bytes that are not UTF-8. The problem names no file.
func checkBytes(data []byte) *Problem {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &Problem{Line: lineAt(data, i), Msg: fmt.Sprintf("binary file (NUL byte at offset %d); guides are UTF-8 markdown", i)}
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		return &Problem{Line: lineAt(data, i), Msg: fmt.Sprintf("not valid UTF-8 (bad byte at offset %d)", i)}
	}
	return nil
}

// setBody makes text, as read from the file, the guide's body.
func (g *Guide) setBody(text string) {
	g.Body = Sanitize(text)
	g.source = g.Body
}

// emptyBody is the problem of a guide with front matter and no text.
func (g *Guide) emptyBody() *Problem {
	if strings.TrimSpace(g.Body) != "" {
		return nil
	}
	return &Problem{File: g.File, Line: g.BodyLine - 1, Msg: "empty body: the guide has front matter but no text"}
}

// headLength is the length of the start of data that holds its front
// matter, a byte-order mark and both --- lines included; ok is false when
// data holds no closed front matter.
func headLength(data []byte) (n int, ok bool) {
	trimmed := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	_, body, _, ok := splitFrontMatter(trimmed)
	if !ok {
		return 0, false
	}
	return len(data) - len(body), true
}

// splitFrontMatter separates "---\nYAML\n---\n" from the body. bodyLine is
// the 1-based line on which the body starts.
func splitFrontMatter(data []byte) (head, body []byte, bodyLine int, ok bool) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || strings.TrimRight(string(first), " \t\r") != "---" {
		return nil, nil, 0, false
	}
	line := 2
	offset := len(first) + 1
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if t := strings.TrimRight(string(l), " \t\r"); t == "---" || t == "..." {
			return data[len(first)+1 : offset], next, line + 1, true
		}
		offset += len(l) + 1
		rest = next
		line++
	}
	return nil, nil, 0, false
}

// decodeFrontMatter parses the YAML header. Lines in the result are file
// lines (the header starts on line 2). keyLines maps each top-level key to
// its line.
func decodeFrontMatter(head []byte) (*frontMatter, map[string]int, []Problem) {
	const offset = 1 // the opening --- is line 1
	// YAML counts a lone carriage return as a line break, editors and our
	// line numbers do not; refuse it here so every position stays true.
	if i := loneCR(head); i >= 0 {
		return nil, nil, []Problem{{Line: bytes.Count(head[:i], []byte("\n")) + 1 + offset,
			Msg: "front matter holds a carriage return that does not end a line (CR without LF)"}}
	}
	// The YAML parser miscounts CRLF line ends inside quoted text; YAML
	// reads CRLF as LF anyway.
	if bytes.IndexByte(head, '\r') >= 0 {
		head = bytes.ReplaceAll(head, []byte("\r\n"), []byte("\n"))
	}
	if p := yamlTooBig(head, "front matter"); p != nil {
		p.Line += offset
		return nil, nil, []Problem{*p}
	}
	if fm, keyLines, ok := fastFrontMatter(head, offset); ok {
		return &fm, keyLines, nil
	}
	fm, keyLines, probs := decodeYAML(head, offset)
	// Positions come from the YAML parser; should it still miscount, a
	// message points into the header rather than past it.
	last := offset + bytes.Count(head, []byte("\n"))
	for i := range probs {
		probs[i].Line = max(1, min(probs[i].Line, last))
	}
	for k, l := range keyLines {
		keyLines[k] = max(1, min(l, last))
	}
	return fm, keyLines, probs
}

// Limits on front matter, checked before the YAML parser sees it: its cost
// grows faster than the size of its input (deep nesting and many keys blow
// up), and a real header needs a few dozen lines.
const (
	MaxFrontMatterBytes = 64 << 10
	MaxFrontMatterLines = 2000
	MaxFrontMatterDepth = 16 // nested [ ] and { }, or indentation levels
)

// YAMLTooBig reports the first limit (size, lines, nesting) a YAML text
// breaks, as front matter's limits apply to any YAML pathways reads; what
// names the text in the message. It is nil when the text breaks none.
func YAMLTooBig(data []byte, what string) *Problem { return yamlTooBig(data, what) }

// yamlTooBig reports the first limit a YAML text (what names it in the
// message) breaks, with its line counted from its first line (1); nil when
// it breaks none.
func yamlTooBig(head []byte, what string) *Problem {
	if len(head) > MaxFrontMatterBytes {
		return &Problem{Line: 0, Msg: fmt.Sprintf("%s is %d KiB; the limit is %d KiB", what, len(head)>>10, MaxFrontMatterBytes>>10)}
	}
	depth, line := 0, 1
	var quote byte
	lineStart := true
	for i := 0; i < len(head); i++ {
		c := head[i]
		if lineStart {
			lineStart = false
			indent := 0
			for i+indent < len(head) && head[i+indent] == ' ' {
				indent++
			}
			if indent > 2*MaxFrontMatterDepth {
				return &Problem{Line: line, Msg: fmt.Sprintf("%s is indented %d spaces deep; the limit is %d levels", what, indent, MaxFrontMatterDepth)}
			}
		}
		switch {
		case c == '\n':
			line++
			lineStart = true
			if line > MaxFrontMatterLines {
				return &Problem{Line: line, Msg: fmt.Sprintf("%s is longer than %d lines", what, MaxFrontMatterLines)}
			}
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || head[i-1] == ' ' || head[i-1] == '\n'):
			for i+1 < len(head) && head[i+1] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			depth++
			if depth > MaxFrontMatterDepth {
				return &Problem{Line: line, Msg: fmt.Sprintf("%s nests lists or mappings more than %d deep", what, MaxFrontMatterDepth)}
			}
		case c == ']' || c == '}':
			depth = max(0, depth-1)
		}
	}
	return nil
}

func decodeYAML(head []byte, offset int) (*frontMatter, map[string]int, []Problem) {
	file, err := parser.ParseBytes(head, 0)
	if err != nil {
		return nil, nil, []Problem{yamlProblem(err, offset)}
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return nil, nil, []Problem{{Line: 1, Msg: "front matter is empty: title, summary and reviewed are required"}}
	}
	if len(file.Docs) > 1 {
		return nil, nil, []Problem{{Line: 1, Msg: "front matter holds more than one YAML document"}}
	}
	root := file.Docs[0].Body
	// Aliases are refused before decoding, so a "billion laughs" header
	// cannot expand.
	var alias ast.Node
	ast.Walk(visitFunc(func(n ast.Node) bool {
		if alias != nil {
			return false
		}
		if n.Type() == ast.AliasType || n.Type() == ast.AnchorType {
			alias = n
			return false
		}
		return true
	}), root)
	if alias != nil {
		return nil, nil, []Problem{{Line: alias.GetToken().Position.Line + offset, Msg: "YAML anchors and aliases (& and *) are not allowed in front matter"}}
	}
	mapping, ok := root.(*ast.MappingNode)
	if !ok {
		return nil, nil, []Problem{{Line: root.GetToken().Position.Line + offset, Msg: "front matter must be YAML fields (key: value)"}}
	}
	fm, keyLines, probs := decodeFields(mapping, offset)
	return &fm, keyLines, probs
}

// decodeFields takes the fields from the syntax tree directly: a wrong type
// or an unknown field is a problem on its own line, and the rest still
// decodes, so the remaining checks run.
func decodeFields(mapping *ast.MappingNode, offset int) (frontMatter, map[string]int, []Problem) {
	var fm frontMatter
	var probs []Problem
	keyLines := map[string]int{}
	for _, kv := range mapping.Values {
		key, line := nodeText(kv.Key), nodeLine(kv.Key, offset)
		keyLines[key] = line
		wrong := func(want string) {
			if fm.wrongType == nil {
				fm.wrongType = map[string]bool{}
			}
			fm.wrongType[key] = true
			probs = append(probs, Problem{Line: nodeLine(kv.Value, offset),
				Msg: fmt.Sprintf("front matter: %s must be %s, not %s", key, want, describeNode(kv.Value))})
		}
		switch key {
		case "title", "summary", "slug", "reviewed":
			v, ok := scalarText(kv.Value)
			if !ok {
				wrong("text")
				continue
			}
			fm.set(key, v, nil)
		case "tags", "related":
			list, ok := textList(kv.Value)
			if !ok {
				wrong("a list of words")
				continue
			}
			fm.set(key, "", list)
		case "sources":
			seq, ok := unwrap(kv.Value).(*ast.SequenceNode)
			if !ok {
				if !isNull(kv.Value) {
					wrong("a list of {title, url}")
				}
				continue
			}
			for _, item := range seq.Values {
				src := source{line: nodeLine(item, offset)}
				pairs, ok := mappingPairs(item)
				if !ok {
					probs = append(probs, Problem{Line: nodeLine(item, offset),
						Msg: fmt.Sprintf("front matter: a source must be fields (title:, url:, …), not %s", describeNode(item))})
					continue
				}
				for _, f := range pairs {
					name := nodeText(f.Key)
					v, ok := scalarText(f.Value)
					switch {
					case !ok && strings.Contains(sourceFields, name):
						probs = append(probs, Problem{Line: nodeLine(f.Value, offset),
							Msg: fmt.Sprintf("front matter: source %s must be text, not %s", SanitizeLine(name), describeNode(f.Value))})
					case !ok || !src.set(name, v):
						probs = append(probs, Problem{Line: nodeLine(f.Key, offset),
							Msg: fmt.Sprintf("front matter: unknown or repeated source field %q (a source has %s)", SanitizeLine(name), sourceFields)})
					}
				}
				fm.Sources = append(fm.Sources, src)
			}
		default:
			probs = append(probs, Problem{Line: line,
				Msg: fmt.Sprintf("front matter: unknown field %q (fields: title, summary, slug, tags, related, reviewed, sources)", SanitizeLine(key))})
		}
	}
	return fm, keyLines, probs
}

// unwrap looks through a YAML tag (!!str x) to the tagged value.
func unwrap(n ast.Node) ast.Node {
	for n != nil {
		t, ok := n.(*ast.TagNode)
		if !ok || t.Value == nil {
			return n
		}
		n = t.Value
	}
	return nil
}

// scalarText is a scalar's text as written (quotes and escapes resolved);
// null is "". It is false for lists and mappings.
func scalarText(n ast.Node) (string, bool) {
	switch v := unwrap(n).(type) {
	case nil:
		return "", true
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.NullNode:
		return "", true
	case ast.ScalarNode:
		return v.GetToken().Value, true
	}
	return "", false
}

// textList is a list of scalars (null is an empty list).
func textList(n ast.Node) ([]string, bool) {
	switch v := unwrap(n).(type) {
	case nil, *ast.NullNode:
		return nil, true
	case *ast.SequenceNode:
		out := make([]string, 0, len(v.Values))
		for _, item := range v.Values {
			t, ok := scalarText(item)
			if !ok {
				return nil, false
			}
			out = append(out, t)
		}
		return out, true
	}
	return nil, false
}

// mappingPairs are the key: value pairs of a mapping node.
func mappingPairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch v := unwrap(n).(type) {
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	}
	return nil, false
}

// nodeText is a mapping key as text.
func nodeText(n ast.Node) string {
	if t, ok := scalarText(n); ok {
		return t
	}
	return n.String()
}

// nodeLine is the file line of a node.
func nodeLine(n ast.Node, offset int) int {
	if n == nil {
		return 1
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line + offset
	}
	return 1
}

// describeNode names a node's kind for messages.
func describeNode(n ast.Node) string {
	if isNull(n) {
		return "empty"
	}
	switch unwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	}
	return "text"
}

// isNull reports a missing or null value ("key:" with nothing after it).
func isNull(n ast.Node) bool {
	switch unwrap(n).(type) {
	case nil, *ast.NullNode:
		return true
	}
	return false
}

type visitFunc func(ast.Node) bool

func (f visitFunc) Visit(n ast.Node) ast.Visitor {
	if f(n) {
		return f
	}
	return nil
}

// yamlProblem turns a go-yaml error into a problem on the right file line.
func yamlProblem(err error, offset int) Problem {
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		line := 1
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line + offset
		}
		return Problem{Line: line, Msg: "front matter: " + SanitizeLine(yerr.GetMessage())}
	}
	return Problem{Line: 1, Msg: "front matter: " + SanitizeLine(err.Error())}
}

// IsWebURL reports whether s is an http or https address.
func IsWebURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

func lineAt(data []byte, offset int) int {
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// loneCR is the offset of the first '\r' not followed by '\n', or -1.
func loneCR(b []byte) int {
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			return i
		}
	}
	return -1
}
