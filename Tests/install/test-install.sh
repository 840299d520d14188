#!/usr/bin/env bash
# Installs ocwizard into a temporary root (make install DESTDIR=…), builds the Debian package and
# the tarball (make deb, make dist), unpacks each, and runs what they hold: both binaries, the
# embedded sandbox from the installed location, the man pages and the completions.
# Ends with "install: N passed, N failed"; exits 1 when any check failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0
failed=0
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ocwizard-install-test.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
VERSION="$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/ProductVersion/ProductVersion.swift)"
# What an installed ocwizard sees: no override, no build tree next to it, a private home.
unset OCWIZARD_SANDBOX OC_USER_SECRET OC_ORG_SECRET OC_API_SECRET OC_SIGNATURE_KEY
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/config" XDG_STATE_HOME="$WORK/home/state" LANG=C.UTF-8
mkdir -p "$HOME"

check() {
    local name="$1"
    shift
    if "$@" >"$WORK/last.out" 2>&1; then
        passed=$((passed + 1))
        echo "ok - $name"
    else
        failed=$((failed + 1))
        echo "not ok - $name"
        sed 's/^/    /' "$WORK/last.out" | head -20
    fi
}

# The checks every layout passes: $1 is the folder holding bin/, libexec/ and share/.
check_layout() {
    local tree="$1" label="$2"
    check "$label: bin/ocwizard --version is $VERSION" bash -c "[ \"\$('$tree/bin/ocwizard' --version)\" = '$VERSION' ]"
    check "$label: bin/ocwizard-sandbox --version is $VERSION" bash -c "[ \"\$('$tree/bin/ocwizard-sandbox' --version)\" = '$VERSION' ]"
    check "$label: the sandbox lives in libexec/ocwizard" test -x "$tree/libexec/ocwizard/ocwizard-sandbox"
    check "$label: the Swift runtime is linked in, not loaded" bash -c "! ldd '$tree/bin/ocwizard' | grep -q libswiftCore"
    check "$label: the binaries are stripped" bash -c "file -L '$tree/bin/ocwizard' '$tree/libexec/ocwizard/ocwizard-sandbox' | grep -v -q 'not stripped'"
    # The embedded sandbox starts from the installed location: recover connects to it and finds
    # an empty account (exit 2, "no … matches"), where a missing sandbox would exit 1.
    check "$label: ocwizard recover --sandbox finds and uses the installed sandbox" bash -c "
        out=\$(cd '$WORK' && '$tree/bin/ocwizard' recover --sandbox --no-input --all 2>&1); status=\$?
        echo \"\$out\"; [ \$status -eq 2 ] && [[ \$out == *'no Microsoft Graph instance matches'* ]]"
    # The same without the bin/ link: found in libexec/ocwizard through ocwizard's own location.
    mv "$tree/bin/ocwizard-sandbox" "$WORK/sandbox-link"
    check "$label: --sandbox finds libexec/ocwizard/ocwizard-sandbox without the bin/ link" bash -c "
        out=\$(cd '$WORK' && '$tree/bin/ocwizard' recover --sandbox --no-input --all 2>&1); status=\$?
        echo \"\$out\"; [ \$status -eq 2 ] && [[ \$out == *'no Microsoft Graph instance matches'* ]]"
    mv "$WORK/sandbox-link" "$tree/bin/ocwizard-sandbox"
    check "$label: man ocwizard renders, with every command" bash -c "
        MANWIDTH=100 man -l '$tree/share/man/man1/ocwizard.1' 2>/dev/null > '$WORK/man.txt'
        grep -q 'recover' '$WORK/man.txt' && grep -q 'profile' '$WORK/man.txt' && grep -q -- '--secrets-file' '$WORK/man.txt'"
    check "$label: man ocwizard-sandbox renders" bash -c "MANWIDTH=100 man -l '$tree/share/man/man1/ocwizard-sandbox.1' 2>/dev/null | grep -q -- '--port'"
    check "$label: zsh and fish completions name the options" bash -c "
        grep -q -- 'cacert' '$tree/share/zsh/'*/_ocwizard && grep -q -- 'cacert' '$tree/share/fish/vendor_completions.d/ocwizard.fish'"
    # bash: the completion of `ocwizard create --cacert <Tab>` offers files of the folder.
    check "$label: bash completes file names after --cacert" bash -c "
        mkdir -p '$WORK/files' && touch '$WORK/files/company-ca.pem' && cd '$WORK/files'
        source '$tree/share/bash-completion/completions/ocwizard'
        function=\$(complete -p ocwizard | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
        COMP_WORDS=(ocwizard create --cacert ''); COMP_CWORD=3; COMP_LINE='ocwizard create --cacert '; COMP_POINT=\${#COMP_LINE}
        \"\$function\" ocwizard '' --cacert
        printf '%s\n' \"\${COMPREPLY[@]}\" | grep -qx 'company-ca.pem'"
}

echo "# make install DESTDIR=$WORK/root PREFIX=/usr/local"
if make --no-print-directory install DESTDIR="$WORK/root" PREFIX=/usr/local >"$WORK/install.log" 2>&1; then
    check_layout "$WORK/root/usr/local" "make install"
    check "make install: licence and docs installed" test -s "$WORK/root/usr/local/share/doc/ocwizard/LICENSE"
    make --no-print-directory uninstall DESTDIR="$WORK/root" PREFIX=/usr/local >"$WORK/uninstall.log" 2>&1
    check "make uninstall removes every file it installed" bash -c "[ -z \"\$(find '$WORK/root' -type f -o -type l)\" ]"
else
    failed=$((failed + 1))
    echo "not ok - make install"
    tail -30 "$WORK/install.log" | sed 's/^/    /'
fi

echo "# make deb"
if deb="$(make --no-print-directory deb 2>"$WORK/deb.log" | tail -1)" && [ -f "$deb" ]; then
    dpkg-deb -x "$deb" "$WORK/deb-root"
    check_layout "$WORK/deb-root/usr" "deb"
    check "deb: Depends names libc6, libncursesw6, libtinfo6, libssl3 and libcurl4 with its minimum version" bash -c "
        depends=\$(dpkg-deb -f '$deb' Depends); echo \"\$depends\"
        [[ \$depends == *'libc6 (>='* && \$depends == *libncursesw6* && \$depends == *libtinfo6* && \$depends == *'libcurl4 (>= 7.85.0)'* && \$depends == *libssl3* ]] && [ \$(grep -o libcurl4 <<< \"\$depends\" | wc -l) -eq 1 ]"
    check "deb: version and architecture" bash -c "[ \"\$(dpkg-deb -f '$deb' Version)\" = '$VERSION' ] && [ \"\$(dpkg-deb -f '$deb' Architecture)\" = \"\$(dpkg --print-architecture)\" ]"
    check "deb: files are owned by root" bash -c "! dpkg-deb -c '$deb' | awk '{print \$2}' | grep -v '^root/root$'"
    check "deb: zsh completion in Debian's vendor folder" test -s "$WORK/deb-root/usr/share/zsh/vendor-completions/_ocwizard"
else
    failed=$((failed + 1))
    echo "not ok - make deb"
    tail -30 "$WORK/deb.log" | sed 's/^/    /'
fi

echo "# make dist"
if tarball="$(make --no-print-directory dist 2>"$WORK/dist.log" | tail -1)" && [ -f "$tarball" ]; then
    mkdir -p "$WORK/dist-root"
    tar -C "$WORK/dist-root" -xzf "$tarball"
    check_layout "$(echo "$WORK"/dist-root/ocwizard-*)" "dist"
else
    failed=$((failed + 1))
    echo "not ok - make dist"
    tail -30 "$WORK/dist.log" | sed 's/^/    /'
fi

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
