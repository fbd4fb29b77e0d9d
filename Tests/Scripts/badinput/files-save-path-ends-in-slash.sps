# Bad input: files: a path ending in '/' names a folder, not a file; nothing is created

d = spurious n=10
# expect error: cannot write '/tmp/sps-golden-no-such-folder/': the path ends in '/'; name a file
save d "/tmp/sps-golden-no-such-folder/"
