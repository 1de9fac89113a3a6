namespace ControlCenter.Contracts.Messages;

[GenerateSerializer]
public enum AlertSignalKind
{
    Raise = 0,
    ConditionCleared = 1,
    Resolve = 2,
}
