package main

import (
	"runtime/debug"
	"strings"
)

// version, commit and date are set by a release build (see
// .goreleaser.yaml) with -ldflags "-X main.version=v1.2.3 -X main.commit=…
// -X main.date=…"; otherwise they come from the module's build information.
var version, commit, date = "", "", ""

// versionString says which pathways this is: the release version, or the
// module version Go recorded ("(devel)" for a build from a checkout), with
// the commit and its date, and "modified" when the checkout had changes.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if commit != "" {
		info = &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: commit}, {Key: "vcs.time", Value: date}}}
		ok = true
	}
	return describeVersion(version, info, ok)
}

func describeVersion(release string, info *debug.BuildInfo, ok bool) string {
	v := release
	if v == "" && ok {
		v = info.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	if ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when, _, _ = strings.Cut(s.Value, "T")
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	var parts []string
	if rev != "" {
		parts = append(parts, "commit "+rev[:min(12, len(rev))])
	}
	if when != "" {
		parts = append(parts, when)
	}
	if modified {
		parts = append(parts, "modified")
	}
	if len(parts) == 0 {
		return v
	}
	return v + " (" + strings.Join(parts, ", ") + ")"
}
