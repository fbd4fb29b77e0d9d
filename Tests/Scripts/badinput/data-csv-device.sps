# Bad input: data csv device
# expect error: cannot read '/dev/zero': it is not a regular file

d = csv "/dev/zero"
