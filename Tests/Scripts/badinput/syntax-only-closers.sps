# Bad input: syntax only closers
# expect error: unexpected ')' with no matching opening bracket

)]}
