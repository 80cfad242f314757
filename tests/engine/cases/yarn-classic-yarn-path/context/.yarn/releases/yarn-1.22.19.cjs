// yarn 1.22.19 release
