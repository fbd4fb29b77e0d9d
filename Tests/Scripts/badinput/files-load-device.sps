# Bad input: files: load refuses a device before reading (it used to allocate until it aborted)

# expect error: load: cannot read file '/dev/zero': it is not a regular file (it is a character device)
load "/dev/zero"
