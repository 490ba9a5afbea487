import GSL
