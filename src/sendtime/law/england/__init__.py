"""England: the SEND Regulations 2014, the Code of Practice and the HESC Tribunal rules."""
