# expect error col 11: init=kaiming_uniform needs the fan-in, and a vector has none: give fan_in=
k = param [64] init=kaiming_uniform
