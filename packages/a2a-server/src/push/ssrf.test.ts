import { describe, expect, it } from "vitest";
import { blockedAddressReason, blockedHostnameReason, parseIPv6 } from "./ssrf.js";

describe("SSRF address classification", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.1",
    "192.168.1.1",
    "169.254.169.254",
    "169.254.0.1",
    "100.64.0.1",
    "100.100.100.200",
    "0.0.0.0",
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "168.63.129.16",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.1.2.3",
    "::ffff:169.254.169.254",
    "::127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "2002:0a00:0001::1",
    "fc00::1",
    "fd00:ec2::254",
    "fe80::1",
    "fe80::1%eth0",
    "ff02::1",
    "[::1]",
  ])("refuses %s", (address) => {
    expect(blockedAddressReason(address)).toBeTypeOf("string");
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
  ])("allows %s", (address) => {
    expect(blockedAddressReason(address)).toBeUndefined();
  });

  it("parses IPv6 forms", () => {
    expect(parseIPv6("::")).toEqual(Array(16).fill(0));
    expect(parseIPv6("1:2:3:4:5:6:7:8")?.[15]).toBe(8);
    expect(parseIPv6("1::2::3")).toBeUndefined();
    expect(parseIPv6("12345::")).toBeUndefined();
    expect(parseIPv6("::ffff:1.2.3.4")?.slice(12)).toEqual([1, 2, 3, 4]);
  });

  it("refuses localhost and metadata names without resolving", () => {
    expect(blockedHostnameReason("localhost")).toBe("localhost");
    expect(blockedHostnameReason("api.localhost.")).toBe("localhost");
    expect(blockedHostnameReason("metadata.google.internal")).toBeTypeOf("string");
    expect(blockedHostnameReason("hooks.example.com")).toBeUndefined();
  });
});
