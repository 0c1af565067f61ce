global using System.Text.RegularExpressions;
global using Xunit;
