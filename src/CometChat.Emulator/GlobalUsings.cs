// JSON and the domain model, used by nearly every file (System.* comes from the SDK's implicit usings). The other
// folders stay explicit in each file, so that the floors (Hosting over Endpoints over Http...) remain visible.
global using System.Text.Json;
global using CometChat.Emulator.Model;
