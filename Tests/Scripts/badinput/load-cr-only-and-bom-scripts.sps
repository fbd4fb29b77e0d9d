# Bad input: scripts with CR-only line ends or a byte order mark run every line (issue 15: a CR-only script ran
# nothing and exited 0; a byte order mark was a syntax error)
# expect: 42
# expect: cr-only: all lines ran
# expect: 2
# expect: bom: all lines ran
# expect: 42 1

load "Tests/Scripts/badinput/fixtures/cr-only.sps"
load "Tests/Scripts/badinput/fixtures/bom-crlf.sps"
print cr_y bom_x
