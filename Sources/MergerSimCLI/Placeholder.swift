import MergerSim
