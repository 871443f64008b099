// The shared scripted handler of the binding tests.
export * from "../../a2a-transport/testdata/fake-handler.js";
