using System.CommandLine;
using System.Globalization;

namespace ControlCenter.Simulator.Commands;

/// <summary>Option values with their limits, and the message a value outside them gets.</summary>
public static class Values
{
    /// <summary>City minutes per real minute, read in the invariant culture (1.5, never 1,5).</summary>
    public static Option<double> Speed() => new("--speed")
    {
        Description = "City minutes per real minute (1: real time; 60: a day in 24 minutes)",
        HelpName = "SPEED",
        DefaultValueFactory = _ => 1,
        CustomParser = result =>
        {
            if (double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0 && double.IsFinite(speed))
                return speed;
            result.AddError("--speed must be a positive number");
            return 0;
        },
    };

    public static Option<int> Seed() => new("--seed") { Description = "Seed of the normal day's randomness", HelpName = "SEED", DefaultValueFactory = _ => 1 };

    /// <summary>An option whose value, when given, is at least <paramref name="least"/>.</summary>
    public static T AtLeast<T>(this T option, int least) where T : Option
    {
        option.Validators.Add(result =>
        {
            // An unreadable number is the parser's own error; this one is for a number out of range.
            if (result.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && value < least)
                result.AddError($"{option.Name} must be a whole number of at least {least}");
        });
        return option;
    }
}
