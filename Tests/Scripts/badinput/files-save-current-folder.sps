# Bad input: files: the current folder is a folder

d = spurious n=10
# expect error: cannot write '.': it is a folder
save d "."
