<?php // akismet 5.0 (the copy in the repository)
