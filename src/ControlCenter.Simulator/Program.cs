using ControlCenter.Simulator;

return await SimulatorCommand.Run(args, Console.Out, CancellationToken.None);
