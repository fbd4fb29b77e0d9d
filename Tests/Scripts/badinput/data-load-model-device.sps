# Bad input: data load model device
# expect error: cannot read '/dev/zero': it is not a regular file

m = load_model "/dev/zero"
