#!/usr/bin/env bash
# Installs, uninstalls and packages ocwizard (the Makefile's install, uninstall, deb and dist).
#
#   scripts/package.sh install     release build, then copy into $DESTDIR$PREFIX
#   scripts/package.sh uninstall   remove what install copied from $DESTDIR$PREFIX
#   scripts/package.sh deb         dist/ocwizard_VERSION_ARCH.deb (dpkg-deb), laid out under /usr
#   scripts/package.sh dist        dist/ocwizard-VERSION-linux-ARCH.tar.gz, a relocatable tree
#
# Environment: PREFIX (default /usr/local), DESTDIR (default empty), SWIFT, RELEASE_FLAGS (default
# "-c release --static-swift-stdlib", as make bench builds), ZSH_COMPLETION_DIR (default
# PREFIX/share/zsh/site-functions), LIBCURL_MIN_VERSION (the Debian package's libcurl4 floor).
#
# Layout (PREFIX-relative):
#   bin/ocwizard                                   the wizard (stripped)
#   bin/ocwizard-sandbox -> ../libexec/ocwizard/ocwizard-sandbox
#   libexec/ocwizard/ocwizard-sandbox              found by `ocwizard --sandbox` (or OCWIZARD_SANDBOX)
#   share/man/man1/ocwizard.1, ocwizard-sandbox.1  from swift-argument-parser's generate-manual plugin
#   share/bash-completion/completions/ocwizard     bash
#   share/zsh/site-functions/_ocwizard             zsh (vendor-completions in the Debian package)
#   share/fish/vendor_completions.d/ocwizard.fish  fish
#   share/doc/ocwizard/                            README.md, CHANGELOG.md, LICENSE
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT="${SWIFT:-swift}"
PREFIX="${PREFIX:-/usr/local}"
DESTDIR="${DESTDIR:-}"
RELEASE_FLAGS="${RELEASE_FLAGS:--c release --static-swift-stdlib}"
# libcurl is opened with dlopen at the first request, so no linker records this dependency.
# 7.85.0 is the first libcurl with CURLOPT_PROTOCOLS_STR / CURLOPT_REDIR_PROTOCOLS_STR, the newest
# options CurlTransport sets.
LIBCURL_MIN_VERSION="${LIBCURL_MIN_VERSION:-7.85.0}"
VERSION="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/ProductVersion/ProductVersion.swift)"
RELEASE_BIN=.build/release
MANUAL_OUT=.build/plugins/GenerateManual/outputs

say() { echo "package: $*" >&2; }

# The release binaries, built as make bench builds them.
build_release() {
    say "swift build $RELEASE_FLAGS (ocwizard, ocwizard-sandbox)"
    # shellcheck disable=SC2086 # the flags are words
    "$SWIFT" build $RELEASE_FLAGS --product ocwizard >&2
    # shellcheck disable=SC2086
    "$SWIFT" build $RELEASE_FLAGS --product ocwizard-sandbox >&2
}

# Man pages from the generate-manual plugin, run over the debug build (the help text is the same
# in every configuration, and the debug build is the one make build and make test already made).
build_manuals() {
    say "man pages (swift package plugin generate-manual)"
    local date
    date="$(git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)"
    "$SWIFT" package plugin generate-manual --configuration debug --date "$date" >&2
    for page in ocwizard/ocwizard.1 ocwizard-sandbox/ocwizard-sandbox.1; do
        [ -s "$MANUAL_OUT/$page" ] || { say "the plugin wrote no $page"; exit 1; }
    done
}

# Copies the build into $1 (a root) under $2 (a prefix, may be empty for a relocatable tree).
copy_tree() {
    local root="$1" prefix="$2" zsh_dir="${3:-$2/share/zsh/site-functions}"
    local bin="$root$prefix/bin" libexec="$root$prefix/libexec/ocwizard" man="$root$prefix/share/man/man1"
    local bash_dir="$root$prefix/share/bash-completion/completions" fish_dir="$root$prefix/share/fish/vendor_completions.d"
    local doc="$root$prefix/share/doc/ocwizard"
    install -d "$bin" "$libexec" "$man" "$bash_dir" "$root$zsh_dir" "$fish_dir" "$doc"
    install -m 0755 "$RELEASE_BIN/ocwizard" "$bin/ocwizard"
    install -m 0755 "$RELEASE_BIN/ocwizard-sandbox" "$libexec/ocwizard-sandbox"
    strip "$bin/ocwizard" "$libexec/ocwizard-sandbox"
    ln -sf ../libexec/ocwizard/ocwizard-sandbox "$bin/ocwizard-sandbox"
    install -m 0644 "$MANUAL_OUT/ocwizard/ocwizard.1" "$man/ocwizard.1"
    install -m 0644 "$MANUAL_OUT/ocwizard-sandbox/ocwizard-sandbox.1" "$man/ocwizard-sandbox.1"
    "$RELEASE_BIN/ocwizard" --generate-completion-script bash > "$bash_dir/ocwizard"
    "$RELEASE_BIN/ocwizard" --generate-completion-script zsh > "$root$zsh_dir/_ocwizard"
    "$RELEASE_BIN/ocwizard" --generate-completion-script fish > "$fish_dir/ocwizard.fish"
    install -m 0644 README.md CHANGELOG.md LICENSE "$doc/"
}

# Every path install writes, PREFIX-relative, for uninstall.
installed_files() {
    local zsh_dir="${ZSH_COMPLETION_DIR:-$PREFIX/share/zsh/site-functions}"
    printf '%s\n' bin/ocwizard bin/ocwizard-sandbox libexec/ocwizard/ocwizard-sandbox \
        share/man/man1/ocwizard.1 share/man/man1/ocwizard-sandbox.1 \
        share/bash-completion/completions/ocwizard share/fish/vendor_completions.d/ocwizard.fish \
        share/doc/ocwizard/README.md share/doc/ocwizard/CHANGELOG.md share/doc/ocwizard/LICENSE \
        | sed "s|^|$PREFIX/|"
    echo "$zsh_dir/_ocwizard"
}

# The Debian Depends line: the shared libraries the binaries link (dpkg-shlibdeps), with libcurl4
# raised to the version CurlTransport needs: ocwizard opens libcurl with dlopen, so only the
# sandbox's Foundation link (an older floor) is seen by the linker. libssl3 (libcrypto.so.3, for
# webhook signatures) is opened with dlopen too, so the linker cannot see it either.
debian_depends() {
    local root="$1" work shlibs
    work="$(mktemp -d)"
    mkdir -p "$work/debian"
    printf 'Source: ocwizard\n\nPackage: ocwizard\nArchitecture: any\n' > "$work/debian/control"
    shlibs="$(cd "$work" && dpkg-shlibdeps -O "$root/usr/bin/ocwizard" "$root/usr/libexec/ocwizard/ocwizard-sandbox" 2>/dev/null \
        | sed -n 's/^shlibs:Depends=//p')"
    rm -rf "$work"
    [ -n "$shlibs" ] || return 1
    { echo "$shlibs" | tr ',' '\n' | sed 's/^ *//' | grep -v '^libcurl4\|^libssl3'; echo "libcurl4 (>= $LIBCURL_MIN_VERSION)"; echo "libssl3"; } \
        | sort | paste -sd ',' - | sed 's/,/, /g'
}

case "${1:-}" in
install)
    build_release
    build_manuals
    copy_tree "$DESTDIR" "$PREFIX" "${ZSH_COMPLETION_DIR:-$PREFIX/share/zsh/site-functions}"
    say "installed ocwizard $VERSION into $DESTDIR$PREFIX"
    ;;
uninstall)
    while read -r path; do rm -f "$DESTDIR$path"; done < <(installed_files)
    rmdir "$DESTDIR$PREFIX/libexec/ocwizard" "$DESTDIR$PREFIX/share/doc/ocwizard" 2>/dev/null || true
    say "removed ocwizard from $DESTDIR$PREFIX"
    ;;
deb)
    build_release
    build_manuals
    arch="$(dpkg --print-architecture)"
    stage="$(mktemp -d)"
    trap 'rm -rf "$stage"' EXIT
    copy_tree "$stage/root" /usr /usr/share/zsh/vendor-completions
    install -d -m 0755 "$stage/root/DEBIAN"
    size="$(du -sk "$stage/root/usr" | cut -f1)"
    depends="$(debian_depends "$stage/root")" || { say "dpkg-shlibdeps found no dependencies"; exit 1; }
    cat > "$stage/root/DEBIAN/control" <<EOF
Package: ocwizard
Version: $VERSION
Architecture: $arch
Maintainer: ocwizard maintainers <ocwizard@localhost>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: terminal wizard for SAP Open Connectors Microsoft Graph instances
 ocwizard walks through creating an SAP Open Connectors (formerly Cloud
 Elements) microsoftgraph connector instance: the OAuth sign-in, the grant
 code, the Azure app values, webhook events, review and submit. It also
 recovers the token of an existing instance. ocwizard-sandbox is a local
 emulator of the API for trying it out.
EOF
    mkdir -p dist
    dpkg-deb --root-owner-group --build "$stage/root" "dist/ocwizard_${VERSION}_${arch}.deb" >&2
    echo "dist/ocwizard_${VERSION}_${arch}.deb"
    ;;
dist)
    build_release
    build_manuals
    arch="$(uname -m)"
    stage="$(mktemp -d)"
    trap 'rm -rf "$stage"' EXIT
    name="ocwizard-$VERSION-linux-$arch"
    copy_tree "$stage/$name" ""
    mkdir -p dist
    tar -C "$stage" --owner=0 --group=0 --sort=name -czf "dist/$name.tar.gz" "$name"
    echo "dist/$name.tar.gz"
    ;;
*)
    echo "usage: scripts/package.sh install|uninstall|deb|dist" >&2
    exit 2
    ;;
esac
