t = repeat seed=[1, 2] { record a=1 }  # expect error: repeat: seed= is not a setting to vary; give the seeds with seeds=
